import { describe, expect, it } from 'vitest';
import { engineWarnings } from './engine-warnings.js';

// What npm 11 prints for one package whose engines refuse the running Node.
const warning = (pkg: string) =>
  [
    'npm warn EBADENGINE Unsupported engine {',
    `npm warn EBADENGINE   package: '${pkg}',`,
    "npm warn EBADENGINE   required: { node: '>= 22.x' },",
    "npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
    'npm warn EBADENGINE }',
  ].join('\n');

describe('engineWarnings', () => {
  it('names every package npm warns about, once, sorted', () => {
    const output = [
      'added 9 packages in 1s',
      warning('@nats-io/nuid@3.0.0'),
      warning('@aether/bus-nats@0.1.0'),
    ].join('\n');
    expect(engineWarnings(`${output}\n${warning('@nats-io/nuid@3.0.0')}`)).toEqual([
      '@aether/bus-nats@0.1.0',
      '@nats-io/nuid@3.0.0',
    ]);
  });

  it('finds nothing in an install without warnings', () => {
    expect(engineWarnings('\nadded 2 packages in 678ms\n')).toEqual([]);
  });

  it('reports a warning whose package it cannot read rather than missing it', () => {
    expect(engineWarnings('npm WARN EBADENGINE Unsupported engine { something new }')).toEqual([
      '(unreadable EBADENGINE warning)',
    ]);
  });
});
