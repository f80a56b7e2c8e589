import { formatBody } from './body-lines';

/** Pretty-prints and cuts a large body into rows away from the UI thread (a 5 MB body takes seconds). */
self.onmessage = (message: MessageEvent<string>) => {
  const result = formatBody(message.data);
  const transfer = [result.rawStarts.buffer, ...(result.prettyStarts ? [result.prettyStarts.buffer] : [])];
  self.postMessage(result, { transfer });
};
