import type { HintMessages } from '../hint-messages.js';

/** The assistant's hints in English: one sentence on what is missing and what to do. */
export const enHints: HintMessages = {
  dismiss: 'Got it',
  dwell: (topic) =>
    ({
      number: 'Still needed: the card number, the 16 to 19 digits on the front of the card.',
      expiry: 'Still needed: the expiry date, printed on the front as month/year, e.g. 08/29.',
      cvv: 'Still needed: the security code, the last 3 digits next to the signature strip on the back.',
      name: 'Still needed: the name as printed on the card.',
      sms: 'Still needed: the 6-digit code your bank sent to your phone by SMS.',
      channel: 'First choose a way to pay.',
    })[topic] ?? 'One field is still empty; follow its hint to finish.',
  backAndForth: (topic, recommended) =>
    topic === 'channel'
      ? `WeChat Pay and Alipay only need a confirmation on your phone; a card needs its number, expiry date and security code.${recommended ? ` We suggest ${recommended}.` : ''}`
      : 'No need to switch back and forth: fill in the card number, expiry date and security code in turn.',
  repeatedError: (topic) =>
    ({
      number: 'The card number looks wrong: check it group by group against the front of the card.',
      expiry: 'Enter the expiry date as month/year, e.g. 08/29; it is on the front of the card.',
      cvv: 'The security code is the last 3 digits next to the signature strip on the back (4 digits on the front for American Express).',
      name: 'Enter the name exactly as printed on the card.',
      sms: 'The code is the 6 digits in the SMS from your bank; you can ask for a new one.',
    })[topic] ?? 'This field is still not right; follow the hint below it.',
  slowNetwork: 'The network is slow: please wait and do not tap again. This order will not be charged twice.',
  declinedAgain: (channel) => `${channel} was declined twice: try another way to pay.`,
};
