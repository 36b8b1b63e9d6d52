export * from './html-sanitiser';
export * from './file-kind';
export * from './byte-range';
export * from './send-stored-file';
export * from './upload';
export * from './tabular-file';
export * from './table-export';
export * from './table-file-writer';
