export {
  CONTENT_TYPES,
  DEMO_AS_OF,
  DEMO_CAPTIONS,
  type DemoAgencyOptions,
  type DemoCreatorSpec,
  generateDemoAgency,
  ROSTER,
  type TimingKind,
  type TrendKind,
} from './generate';
