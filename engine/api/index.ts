export {
  Engine,
  errorToJson,
  type CommandRequest,
  type CommandResponse,
  type EngineOptions,
} from "./engine.js";
export { COMMANDS } from "./commands.js";
export { LedgerpaneError, type ErrorDetail } from "../kernel/errors.js";
export {
  commandsOf,
  type CommandMap,
  type CommandName,
  type Commands,
  type SalesLineInput,
} from "./facade.js";
