import 'reflect-metadata';
import { startService } from './service';

void startService();
