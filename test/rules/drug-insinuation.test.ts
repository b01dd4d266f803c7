import rule from '../../src/rules/drug-insinuation.js';
import { REPLY, ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'Rebels side by side with the russians LOL. What are you smoking?', spans: [['What are you smoking', 'high']] },
    // Seed comment 4: the vocative and the chained imperative belong to the same attack.
    { text: '308 groups wow ...\n\nCan you explain that ...\n\nleave the drugs mn or get better info.', spans: [['leave the drugs mn or get better info', 'high']], ctx: REPLY },
    { text: 'Take your meds.', spans: [['Take your meds', 'high']] },
    { text: 'Are you high?', spans: [['Are you high', 'high']] },
    { text: 'People who say that should lay off the drugs', spans: [['lay off the drugs', 'medium']] },
  ],
  notFlagged: [
    { text: 'What are you reading at the moment?' },
    { text: 'The drugs were seized at the border.' },
    { text: 'Get better soon!' },
  ],
});
