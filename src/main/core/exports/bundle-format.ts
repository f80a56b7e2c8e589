/*
 * The bundle's format name and version (src/shared/domain/bundle.ts, issue #13 item 5): a log
 * slice written as a bundle holds only its `events`, so the bundle import reads it.
 */
export const BUNDLE_FORMAT_NAME = 'inlet.bundle';
export const BUNDLE_FORMAT_VERSION = 2;
