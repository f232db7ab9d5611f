ALTER TABLE [dbo].[loans] ADD [grace_days] INT NOT NULL CONSTRAINT [DF_loans_grace] DEFAULT (3);
