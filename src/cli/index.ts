import { main } from './main';

// Exit once stdout has drained: an embedded core's timers must not keep a finished command alive.
void main(process.argv.slice(2)).then(() => process.stdout.write('', () => process.exit()));
