/**
 * The demo caption bank: captions written for this example from template fragments, one set per
 * caption type. No text comes from the real agency data; only the score distribution is
 * calibrated on it (`../shared/real-data/caption_bank_baseline_metrics.csv`: 13.7 % of the bank
 * scores 0-20, 7.4 % 20-40, 71.8 % 40-60, 2.7 % 60-80, 4.4 % 80-100, mean 40.1).
 *
 * @module
 */
import { CAPTION_TYPES, type CaptionType } from '../index';
import type { Draw } from './draw';

/**
 * Content types the demo agency films (a subset of the agency's content-type keys), with the
 * wording a caption uses for each.
 *
 * Source: the agency's content-type keys (real-data README, `content_types.json`).
 *
 * @since 0.3.0
 * @category demo
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  solo: 'solo set',
  lingerie: 'new lingerie set',
  boy_girl: 'couples video',
  toy_play: 'toy video',
  shower_bath: 'steamy shower clip',
  feet: 'feet pics',
  pov: 'POV video',
  teasing: 'slow tease',
  girl_girl: 'girls-only video',
  joi: 'JOI clip',
  pool_outdoor: 'poolside set',
  behind_scenes: 'behind-the-scenes clip',
  implied_solo: 'implied set',
  dom_sub: 'bossy little clip',
  story_roleplay: 'roleplay video',
  tits_play: 'topless tease',
};

/** Caption types that carry content and so get a `contentType` (the vault filter applies). */
export const CONTENT_CAPTION_TYPES: ReadonlyArray<CaptionType> = [
  'ppv_offer',
  'teaser',
  'bundle_offer',
  'urgency',
  'exclusive',
  'vip_promo',
];

interface Fragments {
  readonly heads: ReadonlyArray<string>;
  readonly bodies: ReadonlyArray<string>;
  readonly tails: ReadonlyArray<string>;
}

/** `{c}` is replaced by the content wording, `{n}` by a small number, `{t}` by a time of day. */
const FRAGMENTS: Readonly<Record<CaptionType, Fragments>> = {
  ppv_offer: {
    heads: [
      'Guess what just dropped in your inbox?',
      'OMG, I might have gone a little too far this time.',
      'I filmed this one thinking about you.',
      'Fresh from last night, still blushing.',
      'You asked, I listened.',
      'My favourite thing I have made all month.',
      'I was so nervous to send this.',
      'Be honest, are you ready for this?',
      'Hey you, I have a surprise.',
      'New and only for my favourites.',
    ],
    bodies: [
      'My {c} is finally here and it is everything you hoped for.',
      'It is my {c}, and it is a lot longer than usual.',
      'This {c} shows a side of me you have not seen yet.',
      'I made this {c} with you in mind, start to finish.',
      'My {c} turned out even better than I planned, exclusive to you.',
      'The {c} you kept asking about is waiting.',
      'Full {c}, no cuts, worth way more than I am asking.',
      'This {c} is worth every cent, and only for you.',
    ],
    tails: [
      'Unlock it and tell me what you think.',
      'Open it before I change my mind.',
      'It is waiting for you right now.',
      'Tell me your favourite part after.',
      'Do not keep me waiting.',
      'I really want to know what you think.',
      'Only for you, so enjoy it.',
      'Open it tonight, you deserve it.',
    ],
  },
  teaser: {
    heads: [
      'A little peek for you.',
      'Guess what I was up to this afternoon.',
      'Just a taste of what is coming.',
      'Can you guess what happens next?',
      'Sneak peek, do not tell anyone.',
      'Here is a tiny hint.',
      'I could not wait to show you this bit.',
      'Look closely.',
    ],
    bodies: [
      'This is from my {c}.',
      'The rest of my {c} is even better.',
      'One frame from my {c}, the full thing is a lot more.',
      'My {c} starts like this and only gets better.',
      'Bet you did not expect my {c} to look like this.',
      'Just the first minute of my {c}.',
    ],
    tails: [
      'Want the rest?',
      'Should I send the full version?',
      'Tell me if you want more.',
      'More soon if you are good.',
      'Reply if you want to see the whole thing.',
      'Stay tuned.',
    ],
  },
  tip_goal_promo: {
    heads: [
      'Tip goal time!',
      'Help me reach my goal tonight.',
      'We are so close to the goal.',
      'New tip goal just went up.',
      'Let us make tonight fun together.',
      'Goal is live!',
    ],
    bodies: [
      'Once we hit it, everyone who tipped gets a surprise.',
      'Every tip gets us closer to the reward I planned.',
      'When the bar fills up I unlock something special for all of you.',
      'Top tipper gets a personal thank-you from me.',
      'Only {n} more tips to go before the reward unlocks.',
      'I set a little reward at the finish line.',
    ],
    tails: [
      'Who is helping me out?',
      'Let us do this!',
      'Every bit counts.',
      'I believe in you guys.',
      'Do not let me down.',
      'Tip and see what happens.',
    ],
  },
  game_invite: {
    heads: [
      'Game time!',
      'Let us play a little game.',
      'Spin the wheel with me.',
      'Pick a number from 1 to {n}.',
      'Ready for a challenge?',
      'Feeling lucky today?',
      'Mystery box time!',
      'Scratch and win, babe.',
      'Pick a card, any card.',
    ],
    bodies: [
      'Every spin wins something, some prizes are extra nice.',
      'Each number hides a different surprise.',
      'Win a prize just for playing.',
      'The wheel has {n} prizes and none of them are boring.',
      'Play once and see what you win.',
      'Winner gets something I have never posted.',
      'Every box hides a different surprise.',
      'Scratch a card and see what is under it.',
    ],
    tails: [
      'Who is in?',
      'Good luck!',
      'Let us see what you get.',
      'Play now before it closes.',
      'I am curious what you will win.',
      'Your move.',
    ],
  },
  vip_promo: {
    heads: [
      'My VIP list is open again.',
      'Want to be part of my inner circle?',
      'VIP spots are limited.',
      'Something new for my most loyal fans.',
      'Time to level up.',
      'Only a few of you will get this.',
    ],
    bodies: [
      'VIPs get my {c} first and a few extras nobody else sees.',
      'Join VIP and my {c} comes to you before anyone else.',
      'VIP means priority replies and my {c} on release day.',
      'My {c} goes out to VIPs only this week.',
      'Inner circle members get every {c} and a monthly surprise.',
      'As a VIP you get my {c} plus a personal message from me.',
    ],
    tails: [
      'Reply VIP to join.',
      'Spots close soon.',
      'I would love to have you.',
      'Ask me how to join.',
      'Are you in?',
      'Do not miss it this time.',
    ],
  },
  exclusive: {
    heads: [
      'This one is not going anywhere else.',
      'Only a handful of you will ever see this.',
      'Exclusive, just between us.',
      'Not on my wall, not anywhere else.',
      'I have never shared this before.',
      'Something private for you.',
    ],
    bodies: [
      'My {c} is yours and nobody else gets it.',
      'I kept this {c} off the feed on purpose.',
      'A {c} I only made for the people closest to me.',
      'This {c} will never be posted publicly.',
      'My most personal {c} so far.',
      'The {c} I almost kept to myself.',
    ],
    tails: [
      'Keep it our secret.',
      'Enjoy it, it is special.',
      'Let me know if you want it.',
      'Only for you.',
      'Just say the word.',
      'I trust you with this one.',
    ],
  },
  playful: {
    heads: [
      'Truth or dare?',
      'Quick question.',
      'Okay, be honest.',
      'I have a silly idea.',
      'Let us play.',
      'Would you rather?',
    ],
    bodies: [
      'Pick one and I will do it.',
      'Loser owes the other a compliment.',
      'I will go first if you promise to answer.',
      'I am in a mood to be a little mischievous.',
      'Describe me in three words, go.',
      'Tell me something you have never told anyone.',
    ],
    tails: [
      'Your turn.',
      'No cheating.',
      'I am waiting.',
      'This should be fun.',
      'Winner picks the next game.',
      'Do not overthink it.',
    ],
  },
  bundle_offer: {
    heads: [
      'Bundle alert!',
      'Big bundle, half price.',
      'I packed a few favourites together.',
      'Bundle deal just for this week.',
      'Worth double, yours for less.',
      'Treat yourself.',
    ],
    bodies: [
      'My {c} plus {n} extra pictures in one unlock.',
      'My {c} and a few surprises, all in one.',
      'Three clips including my {c}, one price.',
      'Everything from my {c} shoot in a single bundle.',
      'The {c} everyone loved, bundled with bonus content.',
      'My {c} and {n} unseen pictures together.',
    ],
    tails: [
      'Unlock it while it lasts.',
      'Best deal on my page right now.',
      'Grab it before it ends tonight.',
      'It is a steal, and it ends tonight.',
      'Hurry, last chance at this price.',
      'Open it tonight.',
    ],
  },
  urgency: {
    heads: [
      'Last chance!',
      'Only {n} hours left.',
      'Ending tonight.',
      'Clock is ticking.',
      'Final call.',
      'Hurry, this will not last.',
    ],
    bodies: [
      'My {c} comes down at midnight.',
      'The discount on my {c} ends soon.',
      'After today my {c} goes back to full price.',
      'This {c} disappears from your inbox after today.',
      'Half price on my {c}, only until {t}.',
      'My {c} is almost gone.',
    ],
    tails: [
      'Do not miss it.',
      'Grab it now.',
      'Open it before it is gone.',
      'No second chances on this one.',
      'You will regret skipping it.',
      'Now or never.',
    ],
  },
  flirty: {
    heads: [
      'Hey you.',
      'Thinking about you again.',
      'Cannot stop smiling today.',
      'Guess who is bored and alone.',
      'You crossed my mind.',
      'Hi handsome.',
      'Miss my favourite person.',
      'Just woke up thinking of you.',
      'Is it hot in here or is it you?',
      'Late night thoughts.',
    ],
    bodies: [
      'What are you doing right now?',
      'I wish you were here with me.',
      'I keep picturing you next to me.',
      'Tell me something that makes me blush.',
      'I saved my cutest outfit for you.',
      'Would you keep me company for a bit?',
      'My bed feels too big tonight.',
      'I might be in a teasing mood.',
    ],
    tails: [
      'Talk to me.',
      'Reply if you are awake.',
      'Do not leave me waiting.',
      'Your turn.',
      'Come say hi.',
      'Be nice to me.',
      'I will be waiting.',
    ],
  },
  casual: {
    heads: [
      'Good morning!',
      'Happy weekend!',
      'Coffee first, then you.',
      'Long day today.',
      'Just got back from the gym.',
      'Lazy day vibes.',
      'Finally home.',
      'Sunday reset.',
    ],
    bodies: [
      'How is your day going?',
      'What are your plans today?',
      'I need a movie recommendation.',
      'Tell me one good thing about your day.',
      'I am making pasta, want some?',
      'Trying a new playlist, any suggestions?',
      'Cannot decide what to wear tonight.',
      'Just relaxing on the couch.',
    ],
    tails: [
      'Talk soon.',
      'Hope you are well.',
      'Catch up later?',
      'Let me know.',
      'Have a good one.',
      'Chat later.',
    ],
  },
  story: {
    heads: [
      'So something funny happened today.',
      'Story time.',
      'You will not believe my morning.',
      'Okay, confession time.',
      'I have to tell you about last night.',
      'Remember when I said I would try yoga?',
    ],
    bodies: [
      'I walked into the wrong apartment and the neighbour just laughed.',
      'My photographer dropped the camera in the pool, twice.',
      'I tried baking and set off the smoke alarm.',
      'I got locked out in my robe and had to wait for the landlord.',
      'The shoot ran so late that we ended up dancing in the studio.',
      'A stranger complimented my outfit and I forgot how to talk.',
    ],
    tails: [
      'Anyway, how was your day?',
      'Still laughing about it.',
      'Tell me yours.',
      'I will share pictures later.',
      'Never a dull moment.',
      'What would you have done?',
    ],
  },
  personal: {
    heads: [
      'Honest moment.',
      'Can I tell you something?',
      'Feeling a little sentimental.',
      'Real talk for a second.',
      'Little update on my life.',
      'I do not say this enough.',
    ],
    bodies: [
      'I have been working on myself lately and it feels good.',
      'This page means so much more to me than you think.',
      'I started a new hobby and I am terrible at it.',
      'I finally took a day just for me.',
      'Some days are hard, and you make them easier.',
      'I moved my whole room around and it feels like a new start.',
    ],
    tails: [
      'Thank you for listening.',
      'How are you really?',
      'Talk to me.',
      'Just wanted you to know.',
      'Love having you here.',
      'Tell me something about you.',
    ],
  },
  ppv_followup: {
    heads: [
      'Did you see what I sent earlier?',
      'You have not opened my message yet.',
      'Still waiting on you.',
      'Hey, did you miss this?',
      'Just checking in.',
      'I noticed you have not unlocked it.',
      'You are missing out.',
      'Quick reminder.',
    ],
    bodies: [
      'It is still sitting in your inbox.',
      'I really think you will love it.',
      'Everyone who opened it has been messaging me.',
      'I made it thinking of you.',
      'It is one of my favourites.',
      'I do not want you to miss this one.',
    ],
    tails: [
      'Go check it.',
      'Let me know when you do.',
      'Open it for me?',
      'Do not make me wait.',
      'It will not be there forever.',
      'Tell me what you think.',
    ],
  },
  close_sale: {
    heads: [
      'Last call on this one.',
      'Okay, final offer.',
      'Because I like you.',
      'One more chance.',
      'Special price, just for you.',
      'I will make you a deal.',
    ],
    bodies: [
      'I lowered the price for the next hour.',
      'Unlock it now and I will add a bonus picture.',
      'Open it tonight and I send you a little extra.',
      'The price goes back up at midnight.',
      'First ten to unlock get a personal message.',
      'I will throw in something extra if you open it now.',
    ],
    tails: [
      'Deal?',
      'Do not let it slip away.',
      'Your move.',
      'I am waiting.',
      'Decide fast.',
      'Last time I ask.',
    ],
  },
  renewal: {
    heads: [
      'Your subscription is about to end.',
      'Do not leave me yet.',
      'Turn your renew on for me?',
      'Quick favour.',
      'Staying for next month?',
      'Renew reminder.',
    ],
    bodies: [
      'Renew on means you never miss a post.',
      'I have big plans for next month and want you here.',
      'Everyone with renew on gets a little thank-you gift.',
      'Next month is going to be my best content yet.',
      'Flip renew on and I will send you a surprise.',
      'I would hate for you to miss what is coming.',
    ],
    tails: [
      'Thank you!',
      'It means a lot.',
      'Stay with me.',
      'See you next month.',
      'You are the best.',
      'Let me know when it is on.',
    ],
  },
  appreciation: {
    heads: [
      'Thank you.',
      'Just want to say something.',
      'Feeling grateful today.',
      'You guys are amazing.',
      'Big thank you to everyone here.',
      'Appreciation post.',
    ],
    bodies: [
      'None of this would happen without you.',
      'Your messages always make my day.',
      'Reading your replies is my favourite part of the day.',
      'I am so lucky to have fans like you.',
      'You make creating so much fun.',
      'Thank you for sticking with me.',
    ],
    tails: [
      'Love you all.',
      'Seriously, thank you.',
      'More good things coming.',
      'You are the best.',
      'Have a great day.',
      'Big hugs.',
    ],
  },
  winback: {
    heads: [
      'It has been a while.',
      'I noticed you left.',
      'Come back?',
      'The door is always open.',
      'Long time no see.',
      'Still thinking about you.',
    ],
    bodies: [
      'A lot has changed on my page since you left.',
      'I have been posting more than ever.',
      'Come back this week and I will send you a welcome-back gift.',
      'I saved something for when you return.',
      'My page is better than ever, you should see it.',
      'I would love to have you back.',
    ],
    tails: [
      'Hope to see you soon.',
      'Just say hi.',
      'Miss you.',
      'Come see what is new.',
      'Your spot is waiting.',
      'Let me know.',
    ],
  },
  miss_you: {
    heads: [
      'I miss you.',
      'Where did you go?',
      'Have not heard from you in a while.',
      'Feels quiet without you.',
      'Thinking of you today.',
      'You disappeared on me.',
    ],
    bodies: [
      'Our chats were my favourite.',
      'I keep checking my messages for you.',
      'Tell me what you have been up to.',
      'Nobody makes me laugh like you do.',
      'I have so much to tell you.',
      'Things are not the same without you.',
    ],
    tails: [
      'Come back soon.',
      'Say hi?',
      'Talk to me.',
      'Miss you lots.',
      'I will be here.',
      'Do not be a stranger.',
    ],
  },
  link_promo: {
    heads: [
      'Have you seen my other page?',
      'New link!',
      'Come follow me over here too.',
      'Something new on my other page.',
      'Link in this message.',
      'Quick shout-out.',
    ],
    bodies: [
      'My friend just started and her page is so cute.',
      'I post different things there every day.',
      'Follow for daily pictures and silly videos.',
      'It is free to follow and I am super active there.',
      'I share behind-the-scenes stuff there first.',
      'Go say hi, she is lovely.',
    ],
    tails: [
      'Tap the link.',
      'See you there.',
      'Tell her I sent you.',
      'Let me know when you follow.',
      'Thank you!',
      'Check it out.',
    ],
  },
  engagement_prompt: {
    heads: [
      'Quick poll.',
      'I need your help.',
      'Tell me something.',
      'Question of the day.',
      'Be honest with me.',
      'Help me decide.',
    ],
    bodies: [
      'Red or black for my next shoot?',
      'What should I film next?',
      'Reply with your favourite emoji.',
      'Morning person or night owl?',
      'What is your favourite thing about my page?',
      'Like this post if you want more pictures like it.',
      'Beach or cabin for my next trip?',
      'Rate my outfit from 1 to {n}.',
    ],
    tails: [
      'Reply below.',
      'I read every answer.',
      'Majority wins.',
      'Tell me in the comments.',
      'Go!',
      'I am counting votes.',
    ],
  },
  live_promo: {
    heads: [
      'Going live tonight!',
      'Live at {t}.',
      'Live stream in a bit.',
      'Join my live tonight.',
      'I am going live soon.',
      'Live session later!',
    ],
    bodies: [
      'Come hang out and ask me anything.',
      'We can chat, play a game, and I will read your messages.',
      'Tippers pick what I do next.',
      'It will be a cozy one, bring a drink.',
      'First live in a while, I am excited.',
      'I have a few surprises planned for the stream.',
    ],
    tails: [
      'See you there.',
      'Do not be late.',
      'Set a reminder.',
      'Bring your questions.',
      'It is going to be fun.',
      'Can not wait.',
    ],
  },
};

const EMOJIS: ReadonlyArray<string> = [
  '😘',
  '🔥',
  '💕',
  '😈',
  '🙈',
  '✨',
  '💋',
  '😏',
  '🥰',
  '👀',
  '💌',
  '🎁',
  '⏰',
  '🎉',
  '🍒',
  '💖',
];
const TIMES: ReadonlyArray<string> = ['8pm', '9pm', '10pm', 'midnight', '7pm', '11pm'];

/** Light slang, the way many creators write (`you` -> `u`, a `babe` here and there). */
const slangify = (text: string, d: Draw): string => {
  let out = text.replace(/\byou\b/g, 'u').replace(/\byour\b/g, 'ur');
  if (d.chance(0.5)) out = out.replace(/([.!?])$/, ' babe$1');
  if (d.chance(0.3)) out = out.replace(/\bright now\b/g, 'rn');
  return out;
};

const fill = (template: string, d: Draw, contentWord: string | null): string =>
  template
    .replace('{c}', contentWord ?? 'new set')
    .replace('{n}', String(d.int(3, 12)))
    .replace('{t}', d.pick(TIMES));

/**
 * One caption text of `captionType`: a head, usually a body, a tail, sometimes slang and emojis.
 * `contentType` fills the content wording of the content-bearing types.
 */
export const captionText = (
  captionType: CaptionType,
  contentType: string | null,
  d: Draw,
): string => {
  const f = FRAGMENTS[captionType];
  const word = contentType === null ? null : (CONTENT_TYPES[contentType] ?? contentType);
  const needsBody = contentType !== null || d.chance(0.75);
  const parts = [d.pick(f.heads), ...(needsBody ? [d.pick(f.bodies)] : []), d.pick(f.tails)];
  let text = parts.map((p) => fill(p, d, word)).join(' ');
  if (d.chance(0.2)) text = slangify(text, d);
  const emojiRoll = d.float();
  if (emojiRoll < 0.15) text = `${d.pick(EMOJIS)} ${text}`;
  else if (emojiRoll < 0.5) text = `${text} ${d.pick(EMOJIS)}`;
  else if (emojiRoll < 0.62) text = `${text} ${d.pick(EMOJIS)}${d.pick(EMOJIS)}`;
  return text;
};

/**
 * A performance score, 0-100 with two decimals, drawn from the bank profile measured in
 * `caption_bank_baseline_metrics.csv`: many low scores, a dense middle and a long high tail.
 */
export const performanceScore = (d: Draw): number => {
  const band = d.float();
  const x =
    band < 0.137
      ? 20 * d.float() ** 2 // 0-20, piled up near 0 like the short-caption profile
      : band < 0.211
        ? d.between(20, 40)
        : band < 0.929
          ? Math.min(59.99, Math.max(40, 50 + 4.5 * d.normal()))
          : band < 0.956
            ? d.between(60, 80)
            : d.between(80, 100);
  return Math.round(x * 100) / 100;
};

/** Relative share of the bank per caption type; each type still gets at least 40 captions. */
const TYPE_SHARE: Readonly<Partial<Record<CaptionType, number>>> = {
  ppv_offer: 7,
  teaser: 4.3,
  flirty: 4.3,
  casual: 3.7,
  ppv_followup: 3.7,
};

/**
 * How many captions of each caption type a bank of `total` captions holds: shares from
 * `TYPE_SHARE` (1 for the rest), at least 40 per type when the total allows, summing to `total`.
 */
export const captionTypeCounts = (total: number): Readonly<Record<CaptionType, number>> => {
  const weights = CAPTION_TYPES.map((t) => TYPE_SHARE[t] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const floor = total >= 40 * CAPTION_TYPES.length ? 40 : 0;
  const rest = total - floor * CAPTION_TYPES.length;
  const raw = weights.map((w) => (rest * w) / sum);
  const counts = raw.map((r) => Math.floor(r));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const byRemainder = raw
    .map((r, i) => [r - Math.floor(r), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return Object.fromEntries(
    CAPTION_TYPES.map((t, i) => [t, (counts[i] as number) + floor]),
  ) as Record<CaptionType, number>;
};
