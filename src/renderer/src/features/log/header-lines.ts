// Moved to src/shared/portability (used by the capture format there).
export * from '../../../../shared/portability/header-lines';
