export type { InMemoryDataset } from './dataset';
export {
  describeValue,
  fromPortLeft,
  type PortError,
  type PortFailure,
  portError,
  runPort,
} from './faults';
export {
  type CaptionBank,
  type CreatorDataset,
  captionBank,
  creatorPorts,
  decodeDataset,
  type InMemoryPortsOptions,
  inMemoryPorts,
} from './inMemory';
export type {
  CaptionQuery,
  RotationSaveAnswer,
  SaveScheduleRequest,
  SchedulePorts,
  VolumePrediction,
} from './ports';
export { newTrace, type Trace } from './trace';
