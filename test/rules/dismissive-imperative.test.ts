import rule from '../../src/rules/dismissive-imperative.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'get better info.', spans: [['get better info', 'low']] },
    { text: 'Grow up and shut up.', spans: [['Grow up', 'low'], ['shut up', 'medium']] },
    { text: 'Get a clue, seriously.', spans: [['Get a clue', 'medium']] },
    { text: 'Do your research before posting.', spans: [['Do your research', 'low']] },
  ],
  notFlagged: [
    { text: 'Children grow quickly at that age.' },
    { text: 'I will get the info tomorrow.' },
    { text: 'We did some research on the brigade.' },
  ],
});
