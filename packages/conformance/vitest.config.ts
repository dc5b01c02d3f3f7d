import { unitTestConfig } from '@aether/test-summary/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig(unitTestConfig());
