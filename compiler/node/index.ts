// The Node adapters of the compiler: reading designs from disk (one source host for the CLI, the
// language server, the tests and the benchmarks), project configuration, folder walks and safe
// writes. The only part of compiler/ besides cli/ that touches the file system.
export { NodeSourceHost, type NodeSourceHostOptions } from "./source-host.js";
export { projectOf, realPath, isWithin, type ProjectConfig } from "./project.js";
export { expandPaths, toInternalPath, type ExpandResult } from "./walk.js";
export { writeFileSafely, WriteProblem, type WriteOptions } from "./write.js";
export { readBounded, readStdinBounded, decodeUtf8, ReadProblem, errnoReason } from "./read.js";
export { MAX_SOURCE_BYTES, MAX_JSON_BYTES, mebibytes } from "./limits.js";
export { compileGlob } from "./glob.js";
