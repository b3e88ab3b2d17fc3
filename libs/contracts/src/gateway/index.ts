export * from './gateway-errors';
export * from './auth.dto';
