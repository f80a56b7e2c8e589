export { createRedactor, type RedactableRequest, type RedactionResult, type Redactor } from './redactor';
export { luhnValid } from './detectors';
