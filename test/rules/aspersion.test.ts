import rule from '../../src/rules/aspersion.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: "That's a ridiculous argument.", spans: [['ridiculous argument', 'low']] },
    { text: 'This is absurd.', spans: [['absurd', 'low']] },
    { text: 'Your ridiculous claims again', spans: [['ridiculous claims', 'medium']] },
    { text: 'What a stupid idea', spans: [['stupid idea', 'low']] },
  ],
  notFlagged: [
    { text: 'That is not ridiculous at all.' },
    { text: 'You are stupid.' },
    { text: 'The prices were absurdly high.' },
    { text: 'Ridiculous weather today, everyone stay safe' },
  ],
});
