export { type ApiListOptions, describeApiList, documentedNames, exportedNames } from './api-list.js';
export {
  expectReadmeExample,
  expectReadmeOutput,
  RELATIVE_IMPORT,
  type ReadmeExampleOptions,
} from './example.js';
export { between, fencedBlock, readmeBlock } from './markers.js';
export { readerFor, readmeOf } from './read.js';
