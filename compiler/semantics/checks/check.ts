// The shape of a check that runs on the bound model, after every name is resolved.
import type { BindContext } from "../context.js";
import type { Model } from "../model.js";

export type Check = (model: Model, ctx: BindContext) => void;
