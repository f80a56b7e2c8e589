// Moved to src/shared/portability so the `inlet` command reads and writes the same capture files.
export * from '../../../../shared/portability/capture-format';
