import type { Handlers } from '../dispatcher';
import { verificationPresets } from '../../verification';

type VerificationHandlers = Pick<Handlers, 'verification.presets'>;

export function verificationHandlers(): VerificationHandlers {
  return {
    'verification.presets': () =>
      verificationPresets.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        config: p.config,
        ...(p.secretHint ? { secretHint: p.secretHint } : {}),
      })),
  };
}
