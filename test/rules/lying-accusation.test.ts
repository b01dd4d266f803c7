import rule from '../../src/rules/lying-accusation.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: "You're lying and you know it.", spans: [["You're lying", 'high']] },
    { text: 'stop lying, you liar', spans: [['stop lying', 'high'], ['liar', 'high']] },
    { text: 'The minister lied to parliament again, he lied.', spans: [['lied', 'low']] },
    { text: 'That is a lie.', spans: [['That is a lie', 'low']] },
  ],
  notFlagged: [
    { text: 'The answer lies in the data.' },
    { text: 'I need to lie down.' },
    { text: 'Lies ahead: a long winter.' },
    { text: 'I lied about my age once.' },
  ],
});
