import { describeCheckpointStore } from '@aether/conformance';
import { memoryCheckpoints } from './memory-checkpoints.js';

describeCheckpointStore('memoryCheckpoints', () => memoryCheckpoints());
