/** Secrets of every configured shape, as they would sit in real webhook traffic. */
export const SEEDED = {
  email: 'jane.doe@acme-corp.io',
  email2: 'Bob.Smith@Example.org',
  phone: '+1 (415) 555-2671',
  e164: '+447911123456',
  card: '4242 4242 4242 4242',
  cardPlain: '5555555555554444',
  stripeKey: 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ',
  testKey: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  restricted: 'rk_live_51HqLyjWDarjtT1zdAbCdEf',
  whsec: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  slack: 'xoxb-1234567890-abcdefghijkl',
  github: 'ghp_1234567890abcdefghijABCDEFGHIJ123456',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  bearer: 'opaqueToken123456789',
  ipv4: '203.0.113.77',
  ipv6: '2a00:1450:4001:82a::200e',
} as const;
