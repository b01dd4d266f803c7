import rule from '../../src/rules/identity-attack.js';
import { ruleTester } from './tester.js';

ruleTester(rule, {
  flagged: [
    { text: 'Muslims are vermin.', spans: [['Muslims are vermin', 'high']] },
    { text: 'those immigrants are parasites', spans: [['immigrants are parasites', 'high']] },
    { text: 'Get out, you k1ke', spans: [['k1ke', 'high']] },
    { text: 'Muslims are a cancer eating this country', spans: [['Muslims are a cancer', 'high']] },
    { text: 'Mexicans are animal.', spans: [['Mexicans are animal', 'high']] },
  ],
  notFlagged: [
    { text: 'Many Muslims in the city fasted during Ramadan.' },
    { text: 'The Kurdish forces advanced on Manbij.' },
    { text: 'Gay couples can marry in Ireland since 2015.' },
    { text: 'Jewish and immigrant communities organised the fundraiser.' },
    { text: 'Rats spread the disease through the port.' },
    { text: 'Shiite and Sunni leaders met in Baghdad.' },
    { text: 'a niggardly budget for schools' },
    // The dehumanising word modifies another noun: it names a kind of thing, not the group.
    { text: 'Mexican walls disrupt major animal migrations' },
    { text: 'Kurdish doctors lead cancer research in Erbil.' },
    { text: 'a savage attack on Jewish students' },
  ],
});
