/**
 * The agency export importer on small synthetic exports written here: where each profile value
 * comes from and the defaults reported, the row issues with their file, line and column (BOM,
 * multi-line quoted fields, CRLF), the gaps, the fatal errors, and that nothing depends on the
 * order of the rows. Expected values are literals.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AgencyImport,
  type ExportFiles,
  type ImportError,
  importAgencyExport,
} from '../../src/import/index';

const right = (r: E.Either<ImportError, AgencyImport>): AgencyImport => {
  if (E.isLeft(r)) throw new Error(`expected Right, got ${r.left.code}: ${r.left.message}`);
  return r.right;
};
const left = (r: E.Either<ImportError, AgencyImport>): ImportError => {
  if (E.isRight(r)) throw new Error('expected Left');
  return r.left;
};

const STATS_HEADER =
  'creator_id,week_start_date,snapshot_tz,subscription_net,recurring_subscriptions_net,renew_on_percent,active_fans';
const stats = (...rows: ReadonlyArray<string>): string => `${STATS_HEADER}\n${rows.join('\n')}\n`;

const profileOf = (imp: AgencyImport, id: string) =>
  imp.dataset.creators.find((c) => c.creatorId === id);

describe('creators: row, per-creator settings, settings defaults, built-in defaults', () => {
  const files: ExportFiles = {
    'creator_stats_week.csv': stats(
      'c1,2025-09-06,America/Chicago,10.5,0,0,1200',
      'c2,2025-09-06,,0,0,0,300',
      'c3,2025-09-06,Mars/Olympus,0,0,0,50',
      'c4,2025-09-06,Not/AZone,0,0,2.5,49.6',
    ),
  };
  const settings = {
    defaults: { timezone: 'Europe/London', subType: 'commercial' },
    creators: {
      c1: { contentPageType: 'porno', subType: 'personalized', performanceTier: 1 },
      c3: { timezone: 'Asia/Tokyo', pageType: 'paid' },
    },
  };
  const imp = right(importAgencyExport(files, settings));

  it('builds each profile from its row and its settings', () => {
    expect(imp.creatorIds).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(imp.dataset.creators).toEqual([
      {
        creatorId: 'c1',
        displayName: 'c1',
        pageType: 'paid',
        fanCount: 1200,
        timezone: 'America/Chicago',
        contentPageType: 'porno',
        subType: 'personalized',
        performanceTier: 1,
      },
      {
        creatorId: 'c2',
        displayName: 'c2',
        pageType: 'free',
        fanCount: 300,
        timezone: 'Europe/London',
        contentPageType: 'nude',
        subType: 'commercial',
        performanceTier: 3,
      },
      {
        creatorId: 'c3',
        displayName: 'c3',
        pageType: 'paid',
        fanCount: 50,
        timezone: 'Asia/Tokyo',
        contentPageType: 'nude',
        subType: 'commercial',
        performanceTier: 3,
      },
      {
        creatorId: 'c4',
        displayName: 'c4',
        pageType: 'paid',
        fanCount: 50,
        timezone: 'Europe/London',
        contentPageType: 'nude',
        subType: 'commercial',
        performanceTier: 3,
      },
    ]);
    expect(imp.dataset.history).toEqual([]);
  });

  it('reports every value that came neither from the row nor from a per-creator setting', () => {
    expect(imp.defaults).toEqual([
      // c1: everything from its row or its own settings
      { creatorId: 'c2', field: 'timezone', value: 'Europe/London', source: 'settings_default' },
      { creatorId: 'c2', field: 'contentPageType', value: 'nude', source: 'built_in_default' },
      { creatorId: 'c2', field: 'subType', value: 'commercial', source: 'settings_default' },
      { creatorId: 'c2', field: 'performanceTier', value: 3, source: 'built_in_default' },
      { creatorId: 'c3', field: 'contentPageType', value: 'nude', source: 'built_in_default' },
      { creatorId: 'c3', field: 'subType', value: 'commercial', source: 'settings_default' },
      { creatorId: 'c3', field: 'performanceTier', value: 3, source: 'built_in_default' },
      { creatorId: 'c4', field: 'timezone', value: 'Europe/London', source: 'settings_default' },
      { creatorId: 'c4', field: 'contentPageType', value: 'nude', source: 'built_in_default' },
      { creatorId: 'c4', field: 'subType', value: 'commercial', source: 'settings_default' },
      { creatorId: 'c4', field: 'performanceTier', value: 3, source: 'built_in_default' },
    ]);
  });

  it('an invalid snapshot_tz is a row issue naming its line and column', () => {
    expect(imp.rowIssues).toEqual([
      {
        file: 'creator_stats_week.csv',
        line: 4,
        column: 'snapshot_tz',
        message: 'not an IANA time zone: not used',
        value: 'Mars/Olympus',
      },
      {
        file: 'creator_stats_week.csv',
        line: 5,
        column: 'snapshot_tz',
        message: 'not an IANA time zone: not used',
        value: 'Not/AZone',
      },
    ]);
  });

  it('without settings every missing value is a built-in default', () => {
    const bare = right(
      importAgencyExport({ 'creator_stats_week.csv': stats('c2,2025-09-06,,0,0,0,300') }),
    );
    expect(bare.defaults).toEqual([
      { creatorId: 'c2', field: 'timezone', value: 'America/New_York', source: 'built_in_default' },
      { creatorId: 'c2', field: 'contentPageType', value: 'nude', source: 'built_in_default' },
      { creatorId: 'c2', field: 'subType', value: 'gfe', source: 'built_in_default' },
      { creatorId: 'c2', field: 'performanceTier', value: 3, source: 'built_in_default' },
    ]);
  });

  it('a page type the row cannot tell and a bad fan count are defaulted and reported', () => {
    const imp2 = right(
      importAgencyExport({
        'creator_stats_week.csv': `creator_id,snapshot_tz,subscription_net,active_fans\nc1,UTC,n/a,-4\nc2,UTC,,lots\n`,
      }),
    );
    expect(imp2.dataset.creators.map((c) => [c.pageType, c.fanCount])).toEqual([
      ['free', 0],
      ['free', 0],
    ]);
    expect(imp2.defaults.filter((d) => d.field === 'pageType' || d.field === 'fanCount')).toEqual([
      { creatorId: 'c1', field: 'pageType', value: 'free', source: 'built_in_default' },
      { creatorId: 'c1', field: 'fanCount', value: 0, source: 'built_in_default' },
      { creatorId: 'c2', field: 'pageType', value: 'free', source: 'built_in_default' },
      { creatorId: 'c2', field: 'fanCount', value: 0, source: 'built_in_default' },
    ]);
    expect(imp2.rowIssues.map((i) => [i.line, i.column, i.value])).toEqual([
      [2, 'subscription_net', 'n/a'],
      [2, 'active_fans', '-4'],
      [3, 'active_fans', 'lots'],
    ]);
  });

  it('a blank or repeated creator id skips the row with a row issue', () => {
    const imp2 = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,,0,0,0,1', ',,,0,0,0,2', 'c1,,,0,0,0,3'),
      }),
    );
    expect(imp2.creatorIds).toEqual(['c1']);
    expect(profileOf(imp2, 'c1')?.fanCount).toBe(1);
    expect(imp2.rowIssues).toEqual([
      {
        file: 'creator_stats_week.csv',
        line: 3,
        column: 'creator_id',
        message: 'blank creator id: row skipped',
        value: '',
      },
      {
        file: 'creator_stats_week.csv',
        line: 4,
        column: 'creator_id',
        message: 'creator c1 already read at line 2: row skipped',
        value: 'c1',
      },
    ]);
  });

  it('settings for a creator the export does not have are a row issue of the settings', () => {
    const imp2 = right(
      importAgencyExport(
        { 'creator_stats_week.csv': stats('c1,,UTC,0,0,0,1') },
        { creators: { c9: { performanceTier: 2 } } },
      ),
    );
    expect(imp2.rowIssues).toEqual([
      {
        file: 'settings',
        line: null,
        column: 'creators.c9',
        message: 'creator c9 is not in creator_stats_week.csv: its settings are not used',
        value: 'c9',
      },
    ]);
  });

  it('swapping two rows changes no profile and no reported default', () => {
    const swapped = right(
      importAgencyExport(
        {
          'creator_stats_week.csv': stats(
            'c4,2025-09-06,Not/AZone,0,0,2.5,49.6',
            'c2,2025-09-06,,0,0,0,300',
            'c3,2025-09-06,Mars/Olympus,0,0,0,50',
            'c1,2025-09-06,America/Chicago,10.5,0,0,1200',
          ),
        },
        settings,
      ),
    );
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      expect(profileOf(swapped, id)).toEqual(profileOf(imp, id));
      expect(swapped.defaults.filter((d) => d.creatorId === id)).toEqual(
        imp.defaults.filter((d) => d.creatorId === id),
      );
    }
  });
});

describe('CSV reading: BOM, multi-line quoted fields, CRLF, bad numbers', () => {
  const BUMP_HEADER =
    'caption_ref,caption_text,Type,LengthCat,LastUsedDate,TimesUsed,last_used_page,Explicitness';

  it('a BOM before the header does not hide the first column', () => {
    const imp = right(
      importAgencyExport({ 'creator_stats_week.csv': `\ufeff${stats('c1,,UTC,0,0,0,7')}` }),
    );
    expect(imp.creatorIds).toEqual(['c1']);
  });

  it('a bad number after a multi-line quoted caption names the file line, not the row index', () => {
    const bump = [
      `\ufeff${BUMP_HEADER}`,
      'B1,"line one',
      'line two, still B1?",BUMP,Short,2025-07-29 21:16,2,c1,SOLO',
      'B2,hello there,BUMP,Short,,lots,,OTHER',
      '',
      'B3,,BUMP,Short,,,,',
      'B4,"a ""quoted"" word",BUMP,Medium,31/31/2025,1,c1,',
    ].join('\n');
    const imp = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
        'captions_bump_bank.csv': bump,
      }),
    );
    expect(imp.rowIssues).toEqual([
      {
        file: 'captions_bump_bank.csv',
        line: 4,
        column: 'TimesUsed',
        message: 'not a number: read as 0',
        value: 'lots',
      },
      {
        file: 'captions_bump_bank.csv',
        line: 6,
        column: 'caption_text',
        message: 'empty caption text: row skipped',
        value: '',
      },
      {
        file: 'captions_bump_bank.csv',
        line: 7,
        column: 'LastUsedDate',
        message: 'not a date: use not recorded',
        value: '31/31/2025',
      },
    ]);
    expect(imp.dataset.captions).toEqual([
      {
        captionId: 'bump:B1',
        text: 'line one\nline two, still B1?',
        captionType: 'flirty',
        contentType: 'solo',
        performanceScore: 66,
        // 2025-07-29 21:16 US Eastern (EDT, UTC-4)
        usage: [{ creatorId: 'c1', lastUsedAt: '2025-07-30T01:16:00.000Z', useCount: 2 }],
      },
      {
        captionId: 'bump:B2',
        text: 'hello there',
        captionType: 'casual',
        contentType: null,
        performanceScore: 50,
        usage: [],
      },
      {
        captionId: 'bump:B4',
        text: 'a "quoted" word',
        captionType: 'casual',
        contentType: null,
        performanceScore: 58,
        usage: [],
      },
    ]);
  });

  it('CRLF line ends, also inside a quoted field, count one line each', () => {
    const text = [
      'row_id,caption_text,price',
      '1,"first\r\nsecond\r\nthird",0',
      '2,plain,$x',
      '',
    ].join('\r\n');
    const imp = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
        'captions_followup_bump.csv': text,
      }),
    );
    expect(imp.rowIssues).toEqual([
      {
        file: 'captions_followup_bump.csv',
        line: 5,
        column: 'price',
        message: 'not a number: read as 0',
        value: '$x',
      },
    ]);
    expect(imp.dataset.captions.map((c) => c.text)).toEqual(['first\r\nsecond\r\nthird', 'plain']);
  });

  it('a short row is kept with a row issue; broken quoting skips the rest of the file', () => {
    const text = [
      'row_id,caption_text,price',
      '1,ok',
      '2,"fine",0',
      '3,"bro"ken,0',
      '4,lost,0',
    ].join('\n');
    const imp = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
        'captions_tip_campaign.csv': text,
      }),
    );
    expect(imp.dataset.captions.map((c) => c.captionId)).toEqual(['tip:1', 'tip:2']);
    expect(imp.rowIssues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['captions_tip_campaign.csv', 2, null],
      ['captions_tip_campaign.csv', 4, null],
    ]);
    expect(imp.rowIssues[0]?.message).toBe('2 fields, the header has 3');
    expect(imp.rowIssues[1]?.message).toMatch(/^unreadable from this line to the end of the file/);
  });

  it('a repeated id with the same text is dropped, with other text it gets a suffix', () => {
    const text = ['row_id,caption_text,price', '7,same,0', '7,same,0', '7,other,0'].join('\n');
    const imp = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
        'captions_link_drop.csv': text,
      }),
    );
    expect(imp.dataset.captions.map((c) => [c.captionId, c.text, c.captionType])).toEqual([
      ['link:7', 'same', 'link_promo'],
      ['link:7-2', 'other', 'link_promo'],
    ]);
  });
});

describe('caption types come from the text, never from the row position', () => {
  const BUMP_HEADER = 'caption_ref,caption_text,LengthCat';
  const rows = [
    'A,good morning,Short',
    'B,wanna see more?,Short',
    'C,thinking of you baby,Short',
    'D,once upon a time there was a long story,Long',
    'E,just got home,Medium',
  ];
  const typesOf = (lines: ReadonlyArray<string>) => {
    const imp = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
        'captions_bump_bank.csv': [BUMP_HEADER, ...lines].join('\n'),
      }),
    );
    return Object.fromEntries(imp.dataset.captions.map((c) => [c.captionId, c.captionType]));
  };

  it('bump bank: Long/XL story, a question or flirting words flirty, else casual', () => {
    expect(typesOf(rows)).toEqual({
      'bump:A': 'casual',
      'bump:B': 'flirty',
      'bump:C': 'flirty',
      'bump:D': 'story',
      'bump:E': 'casual',
    });
  });

  it('reversing the rows gives every caption the same type', () => {
    expect(typesOf([...rows].reverse())).toEqual(typesOf(rows));
  });

  it('short captions: question engagement_prompt, up to 3 words playful, else flirty; the file score', () => {
    const imp = right(
      importAgencyExport({
        'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
        'caption_earnings_short.csv': [
          'caption_id,caption_text,len,times_used,total_earnings,performance_score,created_at',
          '1,🍒,1,2,70.0,35.85,2025-12-12 02:43:02',
          '2,miss me?,8,0,0,,2025-12-12 02:43:02',
          '3,you will love what comes next,29,1,0,140,2025-12-12 02:43:02',
        ].join('\n'),
      }),
    );
    expect(
      imp.dataset.captions.map((c) => [c.captionId, c.captionType, c.performanceScore]),
    ).toEqual([
      ['short:1', 'playful', 35.85],
      ['short:2', 'engagement_prompt', 50],
      ['short:3', 'flirty', 100],
    ]);
    expect(imp.rowIssues.map((i) => [i.line, i.column, i.message])).toEqual([
      [4, 'performance_score', 'outside 0..100: clamped'],
    ]);
  });
});

describe('mass_messages_week.csv: agency messages, no creator', () => {
  const MM = [
    'caption_text,sending_time,sender,status,price,sent,viewed,purchased,earnings',
    'hi,"Sep 14, 2025 at 12:13 AM",sender_001,sent,-,50312,63,0,0.0',
    '"multi',
    'line","Sep 8, 2025 at 3:05 PM",sender_002,unsent,$12.00,"1,200",40,3,36.0',
    'bad time,"Sept 9, 2025 at 3:05 PM",sender_002,sent,-,1,1,0,0',
    'bad count,"Sep 9, 2025 at 1:00 PM",,sent,-,many,1,0,0',
  ].join('\n');
  const files: ExportFiles = {
    'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7', 'c2,,UTC,5,0,0,9'),
    'mass_messages_week.csv': MM,
  };

  it('reads the wall-clock times in US Eastern by default, sorted by instant', () => {
    const imp = right(importAgencyExport(files));
    expect(imp.agencyMessages).toEqual([
      {
        sentAt: '2025-09-08T19:05:00.000Z',
        sender: 'sender_002',
        status: 'unsent',
        sendTypeKey: 'ppv_unlock',
        price: 12,
        sent: 1200,
        viewed: 40,
        purchased: 3,
        earnings: 36,
        captionText: 'multi\nline',
      },
      {
        sentAt: '2025-09-09T17:00:00.000Z',
        sender: null,
        status: 'sent',
        sendTypeKey: 'bump_normal',
        price: null,
        sent: 0,
        viewed: 1,
        purchased: 0,
        earnings: 0,
        captionText: 'bad count',
      },
      {
        sentAt: '2025-09-14T04:13:00.000Z',
        sender: 'sender_001',
        status: 'sent',
        sendTypeKey: 'bump_normal',
        price: null,
        sent: 50312,
        viewed: 63,
        purchased: 0,
        earnings: 0,
        captionText: 'hi',
      },
    ]);
    expect(imp.dataset.history).toEqual([]);
    expect(imp.rowIssues).toEqual([
      {
        file: 'mass_messages_week.csv',
        line: 5,
        column: 'sending_time',
        message: 'not a time like "Sep 14, 2025 at 12:13 AM": row skipped',
        value: 'Sept 9, 2025 at 3:05 PM',
      },
      {
        file: 'mass_messages_week.csv',
        line: 6,
        column: 'sent',
        message: 'not a number: read as 0',
        value: 'many',
      },
    ]);
    expect(imp.defaults.filter((d) => d.creatorId === null)).toEqual([
      {
        creatorId: null,
        field: 'messageTimezone',
        value: 'America/New_York',
        source: 'built_in_default',
      },
    ]);
  });

  it('the settings default zone, when given, reads the times and is reported', () => {
    const imp = right(importAgencyExport(files, { defaults: { timezone: 'America/Los_Angeles' } }));
    expect(imp.agencyMessages.map((m) => m.sentAt)).toEqual([
      '2025-09-08T22:05:00.000Z',
      '2025-09-09T20:00:00.000Z',
      '2025-09-14T07:13:00.000Z',
    ]);
    expect(imp.defaults.filter((d) => d.creatorId === null)).toEqual([
      {
        creatorId: null,
        field: 'messageTimezone',
        value: 'America/Los_Angeles',
        source: 'settings_default',
      },
    ]);
  });

  it('gaps: no creator column once; no history and no PPV captions once per creator', () => {
    const imp = right(importAgencyExport(files));
    expect(
      imp.gaps
        .filter((g) => g.code !== 'missing_optional_file')
        .map((g) => [g.code, g.file, g.creatorId]),
    ).toEqual([
      ['no_creator_column', 'mass_messages_week.csv', null],
      ['no_message_history', 'mass_messages_week.csv', 'c1'],
      ['no_ppv_captions', null, 'c1'],
      ['no_message_history', 'mass_messages_week.csv', 'c2'],
      ['no_ppv_captions', null, 'c2'],
    ]);
    expect(imp.gaps.filter((g) => g.code === 'missing_optional_file').map((g) => g.file)).toEqual([
      'content_types.json',
      'captions_bump_bank.csv',
      'captions_followup_bump.csv',
      'captions_link_drop.csv',
      'captions_renew_campaign.csv',
      'captions_tip_campaign.csv',
      'caption_earnings_short.csv',
    ]);
  });

  it('a file the importer does not read is a gap, not an error', () => {
    const imp = right(importAgencyExport({ ...files, 'notes.txt': 'hello' }));
    expect(imp.gaps.filter((g) => g.code === 'unread_file').map((g) => g.file)).toEqual([
      'notes.txt',
    ]);
  });
});

describe('fatal errors are Left values', () => {
  it('no creator stats file', () => {
    const e = left(importAgencyExport({ 'mass_messages_week.csv': 'a,b\n' }));
    expect(e.code).toBe('missing_required_file');
    expect(e.file).toBe('creator_stats_week.csv');
  });

  it('missing required columns, each named', () => {
    const e = left(
      importAgencyExport({ 'creator_stats_week.csv': 'creator,snapshot_tz\nc1,UTC\n' }),
    );
    expect(e).toEqual({
      code: 'missing_columns',
      file: 'creator_stats_week.csv',
      message: 'creator_stats_week.csv: missing columns creator_id, active_fans',
      problems: [
        { path: 'creator_id', message: 'creator_stats_week.csv: missing column creator_id' },
        { path: 'active_fans', message: 'creator_stats_week.csv: missing column active_fans' },
      ],
    });
  });

  it('an empty file or a header with a repeated name is unreadable', () => {
    expect(left(importAgencyExport({ 'creator_stats_week.csv': '' })).code).toBe('unreadable_file');
    expect(
      left(importAgencyExport({ 'creator_stats_week.csv': 'creator_id,active_fans,active_fans\n' }))
        .message,
    ).toBe('creator_stats_week.csv: column "active_fans" twice in the header');
    expect(
      left(
        importAgencyExport({
          'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7'),
          'content_types.json': '{ "types": [] }',
        }),
      ).file,
    ).toBe('content_types.json');
  });

  it('a misspelled settings key and an invalid zone, each named by its path', () => {
    const e = left(
      importAgencyExport(
        { 'creator_stats_week.csv': stats('c1,,UTC,0,0,0,7') },
        {
          defaults: { timzone: 'UTC' },
          creators: { c1: { timezone: 'Mars/Base', performanceTier: 6 } },
        },
      ),
    );
    expect(e.code).toBe('invalid_settings');
    expect(e.problems).toEqual([
      { path: 'defaults.timzone', message: 'defaults.timzone: unknown key' },
      {
        path: 'creators.c1.timezone',
        message: 'creators.c1.timezone: expected IANA time zone, got "Mars/Base"',
      },
      {
        path: 'creators.c1.performanceTier',
        message: 'creators.c1.performanceTier: expected integer in 1..5, got 6',
      },
    ]);
  });
});
