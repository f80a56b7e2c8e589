import { z } from 'zod';

/*
 * HAR 1.2's required structure (http://www.softwareishard.com/blog/har-12-spec/), as a check on
 * what Inlet writes: every required field with its type. Custom fields start with `_`.
 */
const NameValue = z.object({ name: z.string(), value: z.string() }).strict();
const Iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s), 'ISO 8601 date');

const Entry = z.object({
  startedDateTime: Iso,
  time: z.number().min(0),
  request: z.object({
    method: z.string().min(1),
    url: z.url(),
    httpVersion: z.string(),
    cookies: z.array(z.object({ name: z.string(), value: z.string() })),
    headers: z.array(NameValue),
    queryString: z.array(NameValue),
    postData: z.object({ mimeType: z.string(), text: z.string(), encoding: z.literal('base64').optional() }).optional(),
    headersSize: z.number().int(),
    bodySize: z.number().int(),
  }),
  response: z.object({
    status: z.number().int(),
    statusText: z.string(),
    httpVersion: z.string(),
    cookies: z.array(z.unknown()),
    headers: z.array(NameValue),
    content: z.object({ size: z.number().int(), mimeType: z.string() }),
    redirectURL: z.string(),
    headersSize: z.number().int(),
    bodySize: z.number().int(),
  }),
  cache: z.object({}),
  timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
  comment: z.string().optional(),
});

export const Har12Schema = z.object({
  log: z.object({
    version: z.literal('1.2'),
    creator: z.object({ name: z.string(), version: z.string(), comment: z.string().optional() }),
    comment: z.string().optional(),
    pages: z.array(z.unknown()).optional(),
    entries: z.array(Entry),
  }),
});
