import type { ErrorInfo } from './frames';

/** An error that crosses the contract with a code the UI can act on. */
export class ContractError extends Error {
  readonly code: ErrorInfo['code'];
  readonly detail?: string;
  constructor(code: ErrorInfo['code'], message: string, detail?: string) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.detail = detail;
  }
  toInfo(): ErrorInfo {
    return this.detail === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, detail: this.detail };
  }
}
