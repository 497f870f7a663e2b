import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoutingTag } from './routing-tag.entity';
import { RoutingTagsController } from './routing-tags.controller';
import { RoutingTagsService } from './routing-tags.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingTag])],
  controllers: [RoutingTagsController],
  providers: [RoutingTagsService],
  exports: [RoutingTagsService],
})
export class RoutingTagsModule {}
