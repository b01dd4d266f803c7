import rule from '../../src/rules/threat.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'I know where you live.', spans: [['I know where you live', 'high']] },
    { text: 'Go kill yourself', spans: [['Go kill yourself', 'high']] },
    { text: "Watch your back, I'll find you.", spans: [['Watch your back', 'high'], ["I'll find you", 'high']] },
    { text: 'Keep it up and I will get you fired.', spans: [['get you fired', 'high']] },
  ],
  notFlagged: [
    { text: 'The storm could kill crops across the region.' },
    { text: 'I know where you can find the report.' },
    { text: 'They will find the missing page eventually.' },
  ],
});
