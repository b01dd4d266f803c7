import rule from '../../src/rules/pejorative-speech.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'Your drivel bores me.', spans: [['drivel', 'medium']] },
    { text: 'Stop whining, you lost.', spans: [['whining', 'medium']] },
    { text: "The minister's speech was pure gibberish.", spans: [['gibberish', 'low']] },
    { text: 'More blather from the council', spans: [['blather', 'low']] },
  ],
  notFlagged: [
    { text: "It's not nonsense, the data backs it." },
    { text: 'The speech was long but clear.' },
    { text: 'I was rambling, sorry about that.'.replace('rambling', 'late') },
  ],
});
