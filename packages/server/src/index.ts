export { ContentStore } from './content/content-store.js';
export { watchContent } from './content/watch-content.js';
export { createApp } from './http/create-app.js';
export { startServer, type RunningServer } from './http/start-server.js';
export { createLogger, type Logger } from './logger.js';
