// Types of validators.generated.js (ajv standalone code for the three published schemas).
import type { ValidateFunction } from "ajv";
export declare const ruleset: ValidateFunction;
export declare const votes: ValidateFunction;
export declare const events: ValidateFunction;
