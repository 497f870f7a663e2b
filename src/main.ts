import 'reflect-metadata';
import { startFailure, startService } from './service';

startService().catch((e: unknown) => {
  console.error(startFailure(e));
  process.exit(1);
});
