import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export class MailAddressDto {
  @IsEmail({ allow_display_name: false, require_tld: false })
  @MaxLength(320)
  address!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;
}
