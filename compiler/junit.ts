// The JUnit XML reports as an entry of their own (`mlat/junit` for library users): the CLI loads it
// (and with it the XML library, the largest part of the CLI by size) only for `--format junit`.
// compiler/index.ts does not re-export it: that would put the XML library in every command (tests/bundle.test.ts).
export { checkJunit, testJunit, xmlText, type JunitCase } from "./diagnostics/formats/junit.js";
