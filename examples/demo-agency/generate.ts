/**
 * The demo agency of the examples, tests and benchmarks: the generator ships in the package
 * (`src/demo/`, the CLI's `demo` command) and is re-exported here for the scripts beside it.
 *
 * @module
 */
export * from '../../src/demo';
