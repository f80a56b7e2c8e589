import { z } from 'zod';

/** An environment's stable slug; it appears in URLs and never changes once created. */
export const EnvKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, "-" or "_", at most 40 characters');
export type EnvKey = z.infer<typeof EnvKeySchema>;

export const EnvironmentSchema = z.object({
  key: EnvKeySchema,
  name: z.string().min(1).max(80),
  position: z.number().int(),
  createdAt: z.number().int(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const DEFAULT_ENVIRONMENTS: ReadonlyArray<Pick<Environment, 'key' | 'name'>> = [
  { key: 'development', name: 'Development' },
  { key: 'production', name: 'Production' },
];
