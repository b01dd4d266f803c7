import rule from '../../src/rules/group-generalisation.js';
import { ruleTester } from './tester.js';

const SEED_6 =
  'when ISIS and al Nusra and their buddies are defeated in Iraq and Syria, they only have on place to retreat to, Europe.\n\nGet ready to meet your new neighbors, they\'re not like the old neighbors.';

ruleTester(rule, {
  flagged: [
    { text: SEED_6, spans: [["they only have on place to retreat to, Europe.\n\nGet ready to meet your new neighbors, they're not like the old neighbors", 'low']] },
    { text: 'Immigrants, they all vote the same way.', spans: [['they all', 'low']] },
    { text: 'You people never learn.', spans: [['You people', 'low']] },
    { text: "They're not like us.", spans: [["They're not like us", 'low']] },
  ],
  notFlagged: [
    { text: 'They all arrived safely at the camp.' },
    { text: 'These people were rescued from the rubble.' },
    { text: 'Our new neighbors brought a cake.' },
  ],
});
