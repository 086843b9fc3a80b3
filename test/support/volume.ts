/**
 * A complete `VolumeResult` computed by the library for a plain mid-tier paid creator with no
 * history, for fixtures that override a few fields.
 */
import { calculateOptimizedVolume, type VolumeResult } from '../../src/index';

export const baseVolume = (): VolumeResult =>
  calculateOptimizedVolume({
    creator: {
      creatorId: 'fixture',
      pageType: 'paid',
      fanCount: 2000,
      timezone: 'UTC',
      contentPageType: 'nude',
      subType: 'gfe',
      performanceTier: 3,
    },
    trends: null,
    history: [],
    asOf: '2025-01-20',
    vault: null,
    usableCaptions: null,
  });
