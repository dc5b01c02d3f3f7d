import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup, testConnection, uniqueTestName } from '@aether/nats-harness/test-connection';
import { natsUrl } from '@aether/nats-harness/vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { gt } from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWarnings } from './engine-warnings.js';
import { narrowerEngines, packagesRefusing } from './engines.js';
import { expectedVersions } from './expected-versions.js';
import { type InstalledPackage, installedPackages } from './installed-packages.js';
import { entrySpecifiers, loadEverywhere } from './load-entries.js';
import { installTarballs, type NpmProject } from './npm-project.js';
import { listFiles } from './package-files.js';
import { readPendingChangesets } from './pending-changesets.js';
import { compileExample, readmeExample, readmeExampleOutput } from './readme-example.js';
import { runCommand } from './run-command.js';
import { removeAbandonedScratchDirs, removeScratchDir } from './scratch-dir.js';
import { makeScratchRelease, type PackedPackage, type ScratchRelease } from './scratch-release.js';
import { missingExportTargets, sourceMapProblems, workspaceSpecifiers } from './tarball-checks.js';
import { isPublic, readManifest, workspaceRoot } from './workspace.js';

// The release path, from the pending changesets to what a user installs, on copies under the OS
// temp dir: nothing is published or pushed, and every scratch directory is removed afterwards.
// On this 2-core machine: 15-25 s on its own, with npm's cache warm or empty; about a minute
// inside a full `npm test`, which runs everything else beside it; 3 minutes with two whole runs
// side by side. The limits leave room for more.
const SETUP_TIMEOUT_MS = 600_000;
const RUN_TIMEOUT_MS = 60_000;
/** Scratch directories this old are left over from a killed run (see removeAbandonedScratchDirs). */
const ABANDONED_AFTER_MS = 3_600_000;

/**
 * The scratch projects, each depending on the tarballs of these packages, of the workspace packages
 * they need at run time, and on nothing else; a last one, `rest`, takes every other public package.
 */
const NAMED_PROJECTS: Record<string, readonly string[]> = {
  /** The README promises that the in-memory store with the core pulls in no NATS code. */
  memory: ['@aether/store-memory'],
  jetstream: ['@aether/store-jetstream'],
  /** Its README promises that the PostgreSQL checkpoints pull in no NATS code. */
  postgres: ['@aether/projections-postgres'],
  /** Its README promises that the NATS KV checkpoints pull in no PostgreSQL code. */
  'nats-checkpoints': ['@aether/projections-nats'],
  /** The projections runner with the in-memory store: no database driver, no NATS. */
  projections: ['@aether/projections', '@aether/store-memory'],
};
const PROJECT_LABELS = [...Object.keys(NAMED_PROJECTS), 'rest'];

let release: ScratchRelease;
const projects = new Map<string, { project: NpmProject; installed: InstalledPackage[] }>();

beforeAll(async () => {
  await removeAbandonedScratchDirs('release', ABANDONED_AFTER_MS);
  release = await makeScratchRelease(workspaceRoot);
  const named = new Set(Object.values(NAMED_PROJECTS).flat());
  const rest = release.packed.map(({ name }) => name).filter((name) => !named.has(name));
  await Promise.all(
    Object.entries({ ...NAMED_PROJECTS, rest }).map(async ([label, names]) => {
      const project = await installTarballs(`release-${label}`, tarballsFor(names));
      projects.set(label, { project, installed: await installedPackages(project.dir) });
    }),
  );
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  const dirs = [release?.dir, ...[...projects.values()].map(({ project }) => project.dir)];
  await Promise.all(dirs.filter((dir) => dir !== undefined).map((dir) => removeScratchDir(dir)));
});

/** The tarballs of `names` and of the workspace packages they need at run time. */
function tarballsFor(names: readonly string[]): string[] {
  const wanted = new Set<string>();
  const add = (name: string): void => {
    const packed = release.packed.find((candidate) => candidate.name === name);
    if (packed === undefined || wanted.has(name)) return;
    wanted.add(name);
    const after = release.packages.find(({ after }) => after.name === name)?.after;
    for (const dependency of Object.keys(after?.dependencies ?? {})) add(dependency);
  };
  for (const name of names) add(name);
  return release.packed.filter(({ name }) => wanted.has(name)).map(({ tarball }) => tarball);
}

function packed(name: string): PackedPackage {
  const found = release.packed.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`${name} was not packed`);
  return found;
}

function project(label: string): { project: NpmProject; installed: InstalledPackage[] } {
  const found = projects.get(label);
  if (found === undefined) throw new Error(`no scratch project ${label}`);
  return found;
}

const ours = (installed: readonly InstalledPackage[]) =>
  installed.filter(({ name }) => name.startsWith('@aether/'));

describe('changeset version, in a scratch copy of the workspace', () => {
  it('gives every package the version its pending changesets ask for, private ones none', () => {
    const expected = expectedVersions(
      release.packages.map(({ before }) => before),
      release.changesets,
      release.ignored,
    );
    const actual = new Map(release.packages.map(({ after }) => [after.name, after.version]));
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    for (const { before, after } of release.packages.filter(({ before }) => !isPublic(before))) {
      expect(after.version, `${before.name} is private`).toBe(before.version);
    }
  });

  it('publishes no package at 0.0.0: a new package needs a changeset to get its first version', () => {
    const unreleased = release.packages
      .filter(({ after }) => isPublic(after) && !gt(after.version, '0.0.0'))
      .map(({ after }) => after.name);
    expect(unreleased, 'public packages still at 0.0.0: add a changeset for each').toEqual([]);
  });

  it('changes no field of any package.json but its version, so the lockfile stays frozen', () => {
    for (const { before, after } of release.packages) {
      expect({ ...after, version: before.version }, after.name).toEqual(before);
    }
  });

  it('puts every pending changeset into the newest CHANGELOG entry of each package it names', () => {
    for (const { before, after, changelogBefore, changelogAfter } of release.packages) {
      if (after.version === before.version) {
        expect(changelogAfter, `${after.name} was not released`).toBe(changelogBefore);
        continue;
      }
      expect(changelogAfter?.startsWith(`# ${after.name}\n\n## ${after.version}\n`), after.name).toBe(true);
      const newest = (changelogAfter as string).split(/\n(?=## )/)[1] as string;
      const naming = release.changesets.filter(({ bumps }) => bumps.has(after.name));
      for (const { file, summary } of naming) {
        expect(newest, `${after.name}'s CHANGELOG has ${file}`).toContain(summary.split('\n')[0]);
      }
      if (naming.length === 0)
        expect(newest, `${after.name} was released for a dependency`).toContain('Updated dependencies');
      const older = changelogBefore?.slice(changelogBefore.indexOf('\n## ') + 1);
      if (older !== undefined) expect(changelogAfter, `${after.name} keeps its history`).toContain(older);
    }
  });

  it('consumes every pending changeset', async () => {
    expect(await readPendingChangesets(join(release.dir, '.changeset'))).toEqual([]);
  });
});

describe('the tarballs pnpm pack makes of the public packages', () => {
  it('are packed after turbo built every public package: each is a devDependency of @aether/release-check', async () => {
    const own = await readManifest(join(workspaceRoot, 'tools', 'release-check'));
    const missing = release.packed
      .map(({ name }) => name)
      .filter((name) => own.devDependencies?.[name] === undefined);
    expect(missing, 'add them to tools/release-check/package.json, so that turbo builds them first').toEqual(
      [],
    );
  });

  it('replace every workspace: specifier with a version range', async () => {
    for (const { name, contents } of release.packed) {
      expect(workspaceSpecifiers(await readManifest(contents)), name).toEqual([]);
    }
  });

  it('hold every file their exports map names', async () => {
    for (const { name, contents } of release.packed) {
      expect(missingExportTargets(await readManifest(contents), await listFiles(contents)), name).toEqual([]);
    }
  });

  it('hold source maps that carry their sources (src/ is not shipped)', async () => {
    for (const { name, contents } of release.packed) {
      const files = await listFiles(contents);
      expect(
        files.filter((file) => file.endsWith('.js.map')).length,
        `${name} ships source maps`,
      ).toBeGreaterThan(0);
      expect(await sourceMapProblems(contents, files), name).toEqual([]);
    }
  });

  it('hold the README, the LICENSE and the CHANGELOG, and no tests, test helpers or examples', async () => {
    for (const { name, contents } of release.packed) {
      const files = await listFiles(contents);
      expect(files, name).toEqual(
        expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']),
      );
      expect(
        files.filter((file) => /\.test\.|(^|\/)(test-support|examples)\//.test(file)),
        name,
      ).toEqual([]);
    }
  });
});

describe('engines', () => {
  it('every dependency of an @aether package accepts every Node version the package declares', () => {
    const problems = [...projects.values()].flatMap(({ installed }) =>
      narrowerEngines(ours(installed), installed),
    );
    expect(
      problems,
      'a user on a supported Node would see EBADENGINE: narrow engines.node or change the dependency',
    ).toEqual([]);
  });
});

describe.each(PROJECT_LABELS)('the %s project, installed from the tarballs with plain npm', (label) => {
  it('prints EBADENGINE only for packages whose engines refuse this Node: none on a Node they all support', () => {
    const { project: installedProject, installed } = project(label);
    expect(engineWarnings(installedProject.output)).toEqual(
      packagesRefusing(process.versions.node, installed),
    );
  });

  it(
    'loads every entry point of its @aether packages with import() and with require()',
    async () => {
      const { project: installedProject, installed } = project(label);
      await loadEverywhere(installedProject.dir, ours(installed).flatMap(entrySpecifiers));
    },
    RUN_TIMEOUT_MS,
  );
});

describe('@aether/projections-postgres, installed with npm', () => {
  it('pulls in no @nats-io package', () => {
    const nats = project('postgres').installed.filter(({ name }) => name.startsWith('@nats-io/'));
    expect(nats).toEqual([]);
  });
});

describe('@aether/projections-nats, installed with npm', () => {
  it('pulls in no PostgreSQL driver', () => {
    const postgres = project('nats-checkpoints').installed.filter(({ name }) =>
      ['pg', 'postgres', '@aether/projections-postgres'].includes(name),
    );
    expect(postgres).toEqual([]);
  });
});

describe('@aether/core + @aether/store-memory, installed with npm', () => {
  it('pulls in no @nats-io package', () => {
    const nats = project('memory').installed.filter(({ name }) => name.startsWith('@nats-io/'));
    expect(nats.map(({ name }) => name)).toEqual([]);
  });

  it(
    'runs the README example of @aether/store-memory, which prints what the README shows',
    async () => {
      const { dir } = project('memory').project;
      const readme = await readFile(join(packed('@aether/store-memory').contents, 'README.md'), 'utf8');
      const example = await compileExample(dir, readmeExample(readme));
      const { stdout } = await runCommand(process.execPath, [example], {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT_MS,
      });
      expect(stdout.trimEnd()).toBe(readmeExampleOutput(readme));
    },
    RUN_TIMEOUT_MS,
  );
});

describe('@aether/projections + @aether/store-memory, installed with npm', () => {
  it('pulls in no @nats-io package and no database driver', () => {
    const names = project('projections').installed.map(({ name }) => name);
    expect(names.filter((name) => name.startsWith('@nats-io/') || name === 'pg')).toEqual([]);
  });

  it(
    'runs the README example of @aether/projections, which prints what the README shows',
    async () => {
      const { dir } = project('projections').project;
      const readme = await readFile(join(packed('@aether/projections').contents, 'README.md'), 'utf8');
      const example = await compileExample(dir, readmeExample(readme));
      const { stdout } = await runCommand(process.execPath, [example], {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT_MS,
      });
      expect(stdout.trimEnd()).toBe(readmeExampleOutput(readme));
    },
    RUN_TIMEOUT_MS,
  );
});

describe('@aether/core + @aether/store-jetstream, installed with npm', () => {
  it(
    'runs the README example of @aether/store-jetstream against nats-server, with the output the README shows',
    async () => {
      const { dir } = project('jetstream').project;
      const readme = await readFile(join(packed('@aether/store-jetstream').contents, 'README.md'), 'utf8');
      await compileExample(dir, readmeExample(readme));
      const storeName = uniqueTestName('release-readme');
      const nc = await testConnection();
      cleanup(async () => {
        const jsm = await jetstreamManager(nc);
        for await (const stream of jsm.streams.names()) {
          if (stream.includes(storeName)) await jsm.streams.delete(stream);
        }
      });
      // The README shows `main(servers)`, whose stream is `shop`; each run here gets a stream of its own.
      const runner = join(dir, 'run-example.mjs');
      await writeFile(
        runner,
        "import { main } from './dist/example.js';\n" +
          'for (const line of await main(process.argv[2], process.argv[3])) console.log(line);\n',
      );
      const { stdout } = await runCommand(process.execPath, [runner, natsUrl(), storeName], {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT_MS,
      });
      expect(stdout.trimEnd().replaceAll(storeName, 'shop')).toBe(readmeExampleOutput(readme));
    },
    RUN_TIMEOUT_MS,
  );
});
