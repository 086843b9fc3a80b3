export {
  CONTENT_TYPES,
  DEMO_AS_OF,
  DEMO_CAPTIONS,
  type DemoAgencyOptions,
  generateDemoAgency,
  ROSTER,
} from './generate';
