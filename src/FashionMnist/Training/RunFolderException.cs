namespace FashionMnist.Training;

/// <summary>
/// A run folder that cannot be used as asked: resumed while another process trains it, already finished,
/// without a checkpoint, or with a damaged one. The message names the folder or file and what to do; the folder
/// is left unchanged.
/// </summary>
public sealed class RunFolderException(string message, Exception? inner = null) : Exception(message, inner);
