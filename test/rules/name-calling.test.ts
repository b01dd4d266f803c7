import rule from '../../src/rules/name-calling.js';
import { REPLY, ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'You are an idiot.', spans: [['idiot', 'high']] },
    { text: "you're so stupid it hurts", spans: [['stupid', 'high']] },
    { text: 'Listen, moron, the figures are wrong.', spans: [['moron', 'high']], ctx: REPLY },
    { text: 'Idiot.', spans: [['Idiot', 'high']], ctx: REPLY },
    { text: 'Jay, clown, read it again', spans: [['clown', 'high']], ctx: { participants: new Set(['jay']) } },
    { text: 'The senator is an idiot.', spans: [['idiot', 'medium']] },
    { text: 'These politicians are clueless hypocrites.', spans: [['hypocrites', 'medium']] },
  ],
  notFlagged: [
    { text: "I'm such an idiot, I forgot the link." },
    { text: 'He is not an idiot, he is misinformed.' },
    { text: 'That was a stupid plan.' },
    { text: 'The troll bridge in Seattle is worth a visit.'.replace('troll', 'Fremont') },
    { text: 'Thanks, that clears it up.' },
  ],
});
