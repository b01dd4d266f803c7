import rule from '../../src/rules/mockery.js';
import { REPLY, ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'Rebels side by side with the russians LOL.', spans: [['LOL', 'low']], ctx: REPLY },
    { text: 'lmao you really believe that', spans: [['lmao', 'low']] },
    { text: 'Yeah right, and pigs fly.', spans: [['Yeah right', 'low']] },
    { text: 'Nice try.', spans: [['Nice try', 'low']] },
    { text: 'cry more', spans: [['cry more', 'low']] },
  ],
  notFlagged: [
    { text: 'lol' },
    { text: 'Haha that was the best episode ever.' },
    { text: 'Right, I see what you mean now.' },
  ],
});
