export type { InMemoryDataset } from './dataset';
export { type InMemoryPortsOptions, inMemoryPorts } from './inMemory';
export type { CaptionQuery, SaveScheduleRequest, SchedulePorts, VolumePrediction } from './ports';
