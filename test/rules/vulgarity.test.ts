import rule from '../../src/rules/vulgarity.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'This is shit.', spans: [['shit', 'medium']] },
    { text: 'what a f*cking mess', spans: [['f*cking', 'medium']] },
    { text: 'sh1t happens', spans: [['sh1t', 'medium']] },
    { text: 'f u c k you', spans: [['f u c k', 'high']] },
    { text: 'Fuck off, seriously', spans: [['Fuck', 'medium']] },
    { text: 'Screw this, fuck you', spans: [['fuck', 'high']] },
    { text: 'What the hell do I do??', spans: [['What the hell', 'medium']] },
    { text: 'Damn freshman. Always late.', spans: [['Damn', 'medium']] },
    { text: 'wtf was she even doing there', spans: [['wtf', 'medium']] },
    { text: 'damn you and your rules', spans: [['damn', 'high']] },
    { text: 'what a load of bullshit', spans: [['bullshit', 'medium']] },
    { text: 'those motherfuckers again', spans: [['motherfuckers', 'medium']] },
    { text: 'a shitty deal', spans: [['shitty', 'medium']] },
    { text: "Don't be a Dick.", spans: [['Dick', 'medium']] },
    { text: 'what a dick move', spans: [['dick', 'medium']] },
    { text: 'You Dick, read it again', spans: [['Dick', 'high']] },
    { text: 'cum all over', spans: [['cum', 'medium']] },
  ],
  notFlagged: [
    { text: 'Scunthorpe is a town in Lincolnshire.' },
    { text: 'The assassin was caught at the class reunion.' },
    { text: 'The report documents rape as a weapon of war.' },
    { text: 'Sex education starts in year 7.' },
    { text: 'The siege made the city a living hell.' },
    { text: 'They built a dam on the river.' },
    { text: 'Human trafficking is a crime.' },
    { text: 'The pilot left the cockpit.' },
    { text: 'The Fukushima plant was shut down.' },
    { text: 'See modules/utilities/index.ts for the helper.' },
    { text: 'Room 455 is on the left.' },
    { text: 'a feckless government' },
    // Names and fixed phrases (profanity-exceptions.json).
    { text: 'Dick Cheney lied about Iraq.' },
    { text: 'I reread Moby Dick last summer.' },
    { text: 'a story by Philip K. Dick' },
    { text: 'She graduated magna cum laude in 1998.' },
  ],
});
