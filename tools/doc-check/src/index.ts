export { type ApiListOptions, describeApiList } from './api-list.js';
export { expectReadmeExample, expectReadmeOutput, type ReadmeExampleOptions } from './example.js';
export { readmeBlock } from './markers.js';
export { readerFor, readmeOf } from './read.js';
