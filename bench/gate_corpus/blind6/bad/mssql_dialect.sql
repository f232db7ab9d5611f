ALTER TABLE [dbo].[payouts] ADD [note] NVARCHAR(MAX) NULL;
GO
CREATE NONCLUSTERED INDEX [IX_payouts_note] ON [dbo].[payouts] ([note]);
GO
