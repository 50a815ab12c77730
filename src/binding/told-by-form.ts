import { FailureCode } from '../protocol/codes.js';

/**
 * The failures of a binding's confirm that the binding form explains itself, with what to do
 * next (the tries left, "get a new code", start again): the checkout does not say them a second
 * time in its own words under the form's.
 */
const TOLD: ReadonlySet<string> = new Set([FailureCode.SmsCodeInvalid, FailureCode.SmsCodeExpired, FailureCode.BindingLocked]);

export function toldByBindingForm(code: string): boolean {
  return TOLD.has(code);
}
